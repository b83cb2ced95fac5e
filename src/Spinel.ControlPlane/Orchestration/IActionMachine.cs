using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// One kind of persisted state machine. <see cref="StepAsync"/> runs the step the action's state names and moves the
/// action on; every step must be safe to run again from the start, because a new leader re-runs the step it finds.
/// </summary>
internal interface IActionMachine
{
    string Name { get; }

    Task StepAsync(ActionContext context, ActionRecord action, CancellationToken cancellationToken);
}
