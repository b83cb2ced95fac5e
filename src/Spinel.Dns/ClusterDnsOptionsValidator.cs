using System.Net;
using Microsoft.Extensions.Options;

namespace Spinel.Dns;

internal sealed class ClusterDnsOptionsValidator : IValidateOptions<ClusterDnsOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterDnsOptions options)
    {
        var errors = new List<string>();
        if (options.NodeUid < 1)
        {
            errors.Add("NodeUid must be 1 or more.");
        }
        if (!IPAddress.TryParse(options.BindAddress, out _))
        {
            errors.Add($"BindAddress '{options.BindAddress}' is not an IP address.");
        }
        if (options.Port is < 0 or > 65535)
        {
            errors.Add("Port must be within 0-65535.");
        }
        if (options.Ttl < TimeSpan.Zero || options.Ttl > TimeSpan.FromDays(1))
        {
            errors.Add("Ttl must be within 0 and 1 day.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
