using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Tests.Infrastructure;

internal static class StateAssert
{
    public static ClusterState Accepted(CommandResult result)
    {
        Assert.True(result.Accepted, $"expected the command to be applied, got {result.Rejection}");
        return result.State;
    }

    /// <summary>Asserts the command was rejected with <paramref name="code"/> and left the very same state.</summary>
    public static CommandRejection Rejected(ClusterState before, CommandResult result, RejectionCode code)
    {
        Assert.NotNull(result.Rejection);
        Assert.Equal(code, result.Rejection.Code);
        Assert.Same(before, result.State);
        return result.Rejection;
    }
}
