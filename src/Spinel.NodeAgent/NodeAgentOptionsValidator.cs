using Microsoft.Extensions.Options;
using Spinel.NodeAgent.Processes;

namespace Spinel.NodeAgent;

/// <summary>Checks <see cref="NodeAgentOptions"/>, including that the redis-server executable can be found.</summary>
public sealed class NodeAgentOptionsValidator : IValidateOptions<NodeAgentOptions>
{
    public ValidateOptionsResult Validate(string? name, NodeAgentOptions options)
    {
        var failures = new List<string>();
        if (options.NodeUid < 1)
        {
            failures.Add($"{nameof(NodeAgentOptions.NodeUid)} must be set to this node's uid (1 or more).");
        }
        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            failures.Add($"{nameof(NodeAgentOptions.DataDir)} is required.");
        }
        if (string.IsNullOrWhiteSpace(options.RedisServerPath))
        {
            failures.Add($"{nameof(NodeAgentOptions.RedisServerPath)} is required.");
        }
        else if (!RedisServerLocator.TryResolve(options.RedisServerPath, out _))
        {
            failures.Add($"{nameof(NodeAgentOptions.RedisServerPath)} '{options.RedisServerPath}' is not an executable file and was not found in PATH.");
        }
        RequirePositive(failures, options.StartTimeout, nameof(NodeAgentOptions.StartTimeout));
        RequirePositive(failures, options.StopTimeout, nameof(NodeAgentOptions.StopTimeout));
        RequirePositive(failures, options.HealthCheckInterval, nameof(NodeAgentOptions.HealthCheckInterval));
        RequirePositive(failures, options.HealthCheckTimeout, nameof(NodeAgentOptions.HealthCheckTimeout));
        if (options.UnresponsiveAfter < 1)
        {
            failures.Add($"{nameof(NodeAgentOptions.UnresponsiveAfter)} must be at least 1.");
        }
        if (options.RestartDelay < TimeSpan.Zero)
        {
            failures.Add($"{nameof(NodeAgentOptions.RestartDelay)} must not be negative.");
        }
        if (options.MaxRestartDelay < options.RestartDelay)
        {
            failures.Add($"{nameof(NodeAgentOptions.MaxRestartDelay)} must be at least {nameof(NodeAgentOptions.RestartDelay)}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} must be positive.");
        }
    }
}
