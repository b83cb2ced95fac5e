using System.Net;
using Microsoft.Extensions.Options;

namespace Spinel.Discovery;

internal sealed class DiscoveryOptionsValidator : IValidateOptions<DiscoveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscoveryOptions options)
    {
        if (options.Port is < 0 or > 65535)
        {
            return ValidateOptionsResult.Fail($"Discovery:Port must be 0 (off) or a TCP port, not {options.Port}.");
        }
        if (options.Port != 0 && !IPAddress.TryParse(options.BindAddress, out _))
        {
            return ValidateOptionsResult.Fail($"Discovery:BindAddress must be an IP address, not '{options.BindAddress}'.");
        }
        if (options.Port != 0 && options.NodeUid <= 0)
        {
            return ValidateOptionsResult.Fail("Discovery:NodeUid must be this node's uid.");
        }
        return ValidateOptionsResult.Success;
    }
}
