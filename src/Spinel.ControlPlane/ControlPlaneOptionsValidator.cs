using Microsoft.Extensions.Options;
using Spinel.ControlPlane.Raft;

namespace Spinel.ControlPlane;

/// <summary>Checks <see cref="ControlPlaneOptions"/>, including that <see cref="ControlPlaneOptions.RaftEndPoint"/> parses.</summary>
public sealed class ControlPlaneOptionsValidator : IValidateOptions<ControlPlaneOptions>
{
    public ValidateOptionsResult Validate(string? name, ControlPlaneOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            failures.Add($"{nameof(ControlPlaneOptions.DataDir)} is required.");
        }
        if (!RaftEndPoints.TryParse(options.RaftEndPoint, out _))
        {
            failures.Add($"{nameof(ControlPlaneOptions.RaftEndPoint)} '{options.RaftEndPoint}' is not an ip:port endpoint.");
        }
        if (options.LowerElectionTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ControlPlaneOptions.LowerElectionTimeout)} must be positive.");
        }
        if (options.UpperElectionTimeout <= options.LowerElectionTimeout)
        {
            failures.Add($"{nameof(ControlPlaneOptions.UpperElectionTimeout)} must be above {nameof(ControlPlaneOptions.LowerElectionTimeout)}.");
        }
        if (options.RequestTimeout is { } requestTimeout && requestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ControlPlaneOptions.RequestTimeout)} must be positive when set.");
        }
        if (options.SnapshotInterval < 1)
        {
            failures.Add($"{nameof(ControlPlaneOptions.SnapshotInterval)} must be at least 1.");
        }
        if (options.ProposeTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ControlPlaneOptions.ProposeTimeout)} must be positive.");
        }
        if (options.MembershipChangeTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ControlPlaneOptions.MembershipChangeTimeout)} must be positive.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
