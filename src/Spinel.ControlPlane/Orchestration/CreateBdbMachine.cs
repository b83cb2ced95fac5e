using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Orchestration;

/// <summary>
/// <c>SMCreateBDB</c>: the database, its placed shards and this action are stored together by
/// <see cref="DatabaseOperations.CreateAsync"/>; the machine waits for the node agents to start the shards, binds the
/// endpoint on the nodes its proxy policy names, waits for the proxies, and activates the database.
/// </summary>
internal sealed class CreateBdbMachine : IActionMachine
{
    public const string WaitForShards = "wait_for_shards";
    public const string BindEndpoint = "bind_endpoint";
    public const string WaitForEndpoint = "wait_for_endpoint";
    public const string Activate = "activate";

    public string Name => ActionNames.CreateBdb;

    public async Task StepAsync(ActionContext context, ActionRecord action, CancellationToken cancellationToken)
    {
        if (await BdbSteps.DatabaseOrFailAsync(context, action, cancellationToken).ConfigureAwait(false) is not { } bdb)
        {
            return;
        }
        var bdbUid = bdb.Uid;
        switch (action.State)
        {
            case WaitForShards:
                if (await context.WaitUntilAsync(ct => context.ShardsServingAsync(bdbUid, ct), cancellationToken).ConfigureAwait(false))
                {
                    await context.AdvanceAsync(action, BindEndpoint, 40, [], cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await BdbSteps.FailAsync(context, action, bdbUid, "the shards did not start in time", _ => BdbStatus.CreationFailed,
                        cancellationToken).ConfigureAwait(false);
                }
                break;
            case BindEndpoint:
                await BdbSteps.BindEndpointAsync(context, action, bdb, WaitForEndpoint, 60, cancellationToken).ConfigureAwait(false);
                break;
            case WaitForEndpoint:
                await BdbSteps.WaitForEndpointAsync(context, action, bdbUid, Activate, 90, _ => BdbStatus.CreationFailed, cancellationToken)
                    .ConfigureAwait(false);
                break;
            case Activate:
                await BdbSteps.ActivateAsync(context, action, bdb, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await BdbSteps.FailAsync(context, action, bdbUid, $"unknown state {action.State}", _ => BdbStatus.CreationFailed, cancellationToken)
                    .ConfigureAwait(false);
                break;
        }
    }
}
