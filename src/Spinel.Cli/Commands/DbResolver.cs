using System.Net;
using Spinel.Cli.Api;

namespace Spinel.Cli.Commands;

/// <summary>Finds the database a command names: by uid (<c>3</c> or <c>db:3</c>) or by name, through <c>GET /v1/bdbs</c>.</summary>
internal static class DbResolver
{
    /// <exception cref="SpinelApiException"><c>db_not_found</c> when no database matches.</exception>
    public static async Task<BdbInfo> ResolveAsync(SpinelApiClient api, string reference, CancellationToken cancellationToken)
    {
        var key = reference.StartsWith("db:", StringComparison.Ordinal) ? reference[3..] : reference;
        var bdbs = (await api.GetBdbsAsync(cancellationToken).ConfigureAwait(false)).Value ?? [];
        var match = bdbs.FirstOrDefault(b => b.Uid == key) ?? bdbs.FirstOrDefault(b => b.Name == reference);
        if (match?.Uid is null)
        {
            throw new SpinelApiException(HttpStatusCode.NotFound, "db_not_found", $"no database with uid or name '{reference}'");
        }
        return match;
    }
}
