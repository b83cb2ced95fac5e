using System.Text;
using System.Text.Json.Nodes;

namespace Spinel.Cli.Tests.Infrastructure;

/// <summary>One request the fake REST server received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string? ContentType, string Body)
{
    /// <summary>The body parsed as a JSON object; fails the test when it is not one.</summary>
    public JsonObject JsonBody => JsonNode.Parse(Body)?.AsObject() ?? throw new InvalidOperationException($"{Method} {Path} had no JSON body");

    /// <summary>The user and password of the Basic Authorization header; null without one.</summary>
    public (string User, string Password)? BasicCredentials
    {
        get
        {
            if (Authorization is null || !Authorization.StartsWith("Basic ", StringComparison.Ordinal))
            {
                return null;
            }
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(Authorization["Basic ".Length..]));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return (decoded[..colon], decoded[(colon + 1)..]);
        }
    }

    public override string ToString() => $"{Method} {Path}{Query}";
}
