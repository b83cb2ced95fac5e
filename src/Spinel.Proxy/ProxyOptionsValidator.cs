using Microsoft.Extensions.Options;

namespace Spinel.Proxy;

internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        var errors = new List<string>();
        if (options.NodeUid < 1)
        {
            errors.Add("NodeUid must be 1 or more.");
        }
        if (!System.Net.IPAddress.TryParse(options.BindAddress, out _))
        {
            errors.Add($"BindAddress '{options.BindAddress}' is not an IP address.");
        }
        if (options.ConnectionsPerShard is < 1 or > 64)
        {
            errors.Add("ConnectionsPerShard must be within 1-64.");
        }
        if (options.MaxPipelineDepth < 1)
        {
            errors.Add("MaxPipelineDepth must be 1 or more.");
        }
        if (options.ClientOutputBufferLimit < 1024 || options.PubSubOutputBufferLimit < 1024)
        {
            errors.Add("Output buffer limits must be at least 1024 bytes.");
        }
        if (options.IdleTimeout < TimeSpan.Zero)
        {
            errors.Add("IdleTimeout must not be negative.");
        }
        if (options.FailoverHoldTimeout < TimeSpan.Zero || options.FailoverHoldTimeout > TimeSpan.FromHours(1))
        {
            errors.Add("FailoverHoldTimeout must be within 0 and 1 hour.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
