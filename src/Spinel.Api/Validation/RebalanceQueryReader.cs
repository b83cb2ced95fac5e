using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Spinel.ControlPlane.Operations;

namespace Spinel.Api.Validation;

/// <summary>
/// Reads the query of <c>PUT /v1/bdbs/{uid}/actions/rebalance</c>: <c>dry_run</c> and <c>only_failovers</c>
/// (<c>true</c>/<c>false</c>/<c>1</c>/<c>0</c>; a bare <c>?dry_run</c> is true) and <c>max_operations</c> (a positive
/// integer). A bad value is 406 <c>invalid_parameter</c>; other parameters are ignored, as for every route.
/// </summary>
internal static class RebalanceQueryReader
{
    public static RequestError? Read(int bdbUid, IQueryCollection query, out RebalanceRequest request)
    {
        request = new RebalanceRequest(bdbUid);
        if (ReadFlag(query, "dry_run", out var dryRun) is { } dryRunError)
        {
            return dryRunError;
        }
        if (ReadFlag(query, "only_failovers", out var onlyFailovers) is { } onlyFailoversError)
        {
            return onlyFailoversError;
        }
        int? maxOperations = null;
        if (query.TryGetValue("max_operations", out var max))
        {
            if (max.Count != 1 || !int.TryParse(max[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return RequestError.Parameter($"max_operations must be a positive integer, not '{max}'");
            }
            maxOperations = value;
        }
        request = new RebalanceRequest(bdbUid, dryRun, onlyFailovers, maxOperations);
        return null;
    }

    private static RequestError? ReadFlag(IQueryCollection query, string name, out bool value)
    {
        value = false;
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }
        switch (Single(values)?.ToLowerInvariant())
        {
            case "" or "true" or "1":
                value = true;
                return null;
            case "false" or "0":
                return null;
            default:
                return RequestError.Parameter($"{name} must be true, false, 1 or 0, not '{values}'");
        }
    }

    private static string? Single(StringValues values) => values.Count == 1 ? values[0] ?? "" : null;
}
