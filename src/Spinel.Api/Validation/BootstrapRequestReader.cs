using System.Text.Json;
using Spinel.Api.Bootstrap;
using Spinel.Api.Http;

namespace Spinel.Api.Validation;

/// <summary>
/// Reads the body of <c>POST /v1/bootstrap/{action}</c> as Redis Enterprise shapes it. Sections Spinel does not use yet
/// (<c>node</c>, <c>policy</c>, <c>license</c> ...) are accepted and ignored, so that RE clients can send them.
/// </summary>
internal static class BootstrapRequestReader
{
    public const string CreateCluster = "create_cluster";
    public const string JoinCluster = "join_cluster";
    public const string RecoverCluster = "recover_cluster";

    private static readonly HashSet<string> IgnoredSections = new(StringComparer.Ordinal)
    {
        "policy", "license", "dns_suffixes", "cnm_https_port", "crdb_coordinator_port", "max_retries", "retry_time",
    };

    /// <param name="pathAction">The action named by the path; null for <c>POST /v1/bootstrap</c>, which takes it from the body.</param>
    public static RequestError? Read(JsonElement body, string? pathAction, out BootstrapRequest request)
    {
        request = new BootstrapRequest(null, null);
        JsonElement cluster = default, credentials = default, node = default, recoveryFile = default;
        string? action = null;
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "action":
                    if (JsonFields.ReadString("action", property.Value, 64, out var named) is { } error)
                    {
                        return error;
                    }
                    action = named;
                    break;
                case "cluster" when property.Value.ValueKind == JsonValueKind.Object:
                    cluster = property.Value;
                    break;
                case "credentials" when property.Value.ValueKind == JsonValueKind.Object:
                    credentials = property.Value;
                    break;
                case "cluster" or "credentials":
                    return JsonFields.WrongType(property.Name, "an object", property.Value);
                case "recovery_filename":
                    recoveryFile = property.Value;
                    break;
                case "node":
                    node = property.Value;
                    break;
                case var name when IgnoredSections.Contains(name):
                    break;
                default:
                    return JsonFields.UnknownField(property.Name);
            }
        }

        if (pathAction is not null && action is not null && action != pathAction)
        {
            return RequestError.BadRequest(ErrorCodes.BadRequest, $"the body's action '{action}' differs from the path's '{pathAction}'");
        }
        action ??= pathAction;
        if (action is not (CreateCluster or JoinCluster or RecoverCluster))
        {
            return RequestError.NotAcceptable(ErrorCodes.ConfigError, action is null
                ? "action is required (create_cluster, join_cluster or recover_cluster)"
                : $"action '{action}' is not supported; use create_cluster, join_cluster or recover_cluster");
        }
        if (action == RecoverCluster)
        {
            if (ReadCredentials(credentials, out var user, out var secret) is { } recoverCredentialError)
            {
                return recoverCredentialError;
            }
            return ReadRecover(recoveryFile, node, user, secret, out request);
        }
        if (cluster.ValueKind != JsonValueKind.Object)
        {
            return RequestError.NotAcceptable(ErrorCodes.ConfigError, "cluster is required");
        }
        if (ReadCredentials(credentials, out var username, out var password) is { } credentialError)
        {
            return credentialError;
        }
        return action == CreateCluster
            ? ReadCreate(cluster, username, password, out request)
            : ReadJoin(cluster, username, password, out request);
    }

    private static RequestError? ReadCreate(JsonElement cluster, string username, string password, out BootstrapRequest request)
    {
        request = new BootstrapRequest(null, null);
        if (!cluster.TryGetProperty("name", out var value))
        {
            return RequestError.NotAcceptable(ErrorCodes.ConfigError, "cluster.name is required");
        }
        if (JsonFields.ReadString("cluster.name", value, 256, out var name) is { } error)
        {
            return error;
        }
        if (!NameRules.IsClusterName(name))
        {
            return RequestError.NotAcceptable(ErrorCodes.ConfigError,
                $"cluster.name '{name}' is not an FQDN (RFC 1123 labels of letters, digits and hyphens, at most {NameRules.MaxClusterNameLength} characters)");
        }
        request = new BootstrapRequest(new(name, username, password), null);
        return null;
    }

    private static RequestError? ReadJoin(JsonElement cluster, string username, string password, out BootstrapRequest request)
    {
        request = new BootstrapRequest(null, null);
        if (!cluster.TryGetProperty("nodes", out var nodes))
        {
            return RequestError.NotAcceptable(ErrorCodes.ConfigError, "cluster.nodes is required");
        }
        if (nodes.ValueKind != JsonValueKind.Array)
        {
            return JsonFields.WrongType("cluster.nodes", "an array of addresses", nodes);
        }
        var addresses = new List<string>();
        foreach (var node in nodes.EnumerateArray())
        {
            if (JsonFields.ReadString($"cluster.nodes[{addresses.Count}]", node, 256, out var address) is { } error)
            {
                return error;
            }
            if (string.IsNullOrWhiteSpace(address))
            {
                return RequestError.NotAcceptable(ErrorCodes.ConfigError, $"cluster.nodes[{addresses.Count}] is empty");
            }
            addresses.Add(address.Trim());
        }
        if (addresses.Count is 0 or > 64)
        {
            return RequestError.NotAcceptable(ErrorCodes.ConfigError, "cluster.nodes must list 1 to 64 addresses");
        }
        request = new BootstrapRequest(null, new(addresses, username, password));
        return null;
    }

    private static RequestError? ReadRecover(JsonElement recoveryFile, JsonElement node, string username, string password, out BootstrapRequest request)
    {
        request = new BootstrapRequest(null, null);
        if (recoveryFile.ValueKind == JsonValueKind.Undefined)
        {
            return RequestError.NotAcceptable(ErrorCodes.ConfigError, "recovery_filename is required: the cluster store file to recover from");
        }
        if (JsonFields.ReadString("recovery_filename", recoveryFile, 4096, out var file) is { } error)
        {
            return error;
        }
        if (!Path.IsPathFullyQualified(file))
        {
            return RequestError.NotAcceptable(ErrorCodes.ConfigError, $"recovery_filename must be an absolute path, not '{file}'");
        }
        int? nodeUid = null;
        if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("identity", out var identity) && identity.ValueKind == JsonValueKind.Object &&
            identity.TryGetProperty("uid", out var uid))
        {
            if (JsonFields.ReadInt("node.identity.uid", uid, 1, int.MaxValue, out var number) is { } uidError)
            {
                return uidError;
            }
            nodeUid = number;
        }
        request = new BootstrapRequest(null, null, new RecoverClusterRequest(file, nodeUid, username, password));
        return null;
    }

    private static RequestError? ReadCredentials(JsonElement credentials, out string username, out string password)
    {
        username = password = "";
        if (credentials.ValueKind != JsonValueKind.Object)
        {
            return RequestError.NotAcceptable(ErrorCodes.ConfigError, "credentials are required");
        }
        if (!credentials.TryGetProperty("username", out var user) || !credentials.TryGetProperty("password", out var secret))
        {
            return RequestError.NotAcceptable(ErrorCodes.ConfigError, "credentials.username and credentials.password are required");
        }
        if ((JsonFields.ReadString("credentials.username", user, 256, out username)
            ?? JsonFields.ReadString("credentials.password", secret, 1024, out password)) is { } error)
        {
            return error;
        }
        if (string.IsNullOrWhiteSpace(username) || password.Length == 0)
        {
            return RequestError.NotAcceptable(ErrorCodes.ConfigError, "credentials.username and credentials.password must not be empty");
        }
        return null;
    }
}
