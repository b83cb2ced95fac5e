using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// <c>SMUpdateBDB</c>: the new configuration is stored by <see cref="DatabaseOperations.UpdateAsync"/> (node agents
/// apply shard settings such as maxmemory live, proxies take the new password and limits); the machine re-binds the
/// endpoint when its port or proxy policy changed, waits for the proxies and activates the database again.
/// </summary>
internal sealed class UpdateBdbMachine : IActionMachine
{
    public const string ApplyEndpoint = "apply_endpoint";
    public const string WaitForEndpoint = "wait_for_endpoint";
    public const string Activate = "activate";

    public string Name => ActionNames.UpdateBdb;

    public async Task StepAsync(ActionContext context, ActionRecord action, CancellationToken cancellationToken)
    {
        if (await BdbSteps.DatabaseOrFailAsync(context, action, cancellationToken).ConfigureAwait(false) is not { } bdb)
        {
            return;
        }
        var bdbUid = bdb.Uid;
        switch (action.State)
        {
            case ApplyEndpoint:
                await BdbSteps.BindEndpointAsync(context, action, bdb, WaitForEndpoint, 40, cancellationToken).ConfigureAwait(false);
                break;
            case WaitForEndpoint:
                await BdbSteps.WaitForEndpointAsync(context, action, bdbUid, Activate, 80, _ => BdbStatus.Active, cancellationToken)
                    .ConfigureAwait(false);
                break;
            case Activate:
                await BdbSteps.ActivateAsync(context, action, bdb, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await BdbSteps.FailAsync(context, action, bdbUid, $"unknown state {action.State}", _ => BdbStatus.Active, cancellationToken)
                    .ConfigureAwait(false);
                break;
        }
    }
}
