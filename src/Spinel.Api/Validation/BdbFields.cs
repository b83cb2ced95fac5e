using System.Collections.Frozen;
using System.Text.Json;
using Spinel.Api.Http;
using Spinel.ControlPlane.Store;
using Spinel.Resp.Slots;

namespace Spinel.Api.Validation;

/// <summary>The fields of a <c>bdb</c> request: how each writable one is checked and set on a record, and which ones are read-only.</summary>
internal static class BdbFields
{
    public delegate RequestError? Setter(string field, JsonElement value, ref BdbRecord bdb);

    public const int MinPort = 10000;
    public const int MaxPort = 19999;
    public const int MaxShards = 512;

    /// <summary>Redis Enterprise keeps this port of the endpoint range for itself.</summary>
    public const int ReservedPort = 10050;

    /// <summary>Fields the cluster computes; a request that sets one is refused.</summary>
    public static readonly FrozenSet<string> ReadOnly = FrozenSet.Create(StringComparer.Ordinal,
        "status", "shard_list", "endpoints", "created_time", "last_changed_time", "action_uid",
        "backup_status", "backup_progress", "backup_failure_reason", "last_backup_time");

    /// <summary>Fields that only a create may set.</summary>
    public static readonly FrozenSet<string> CreateOnly = FrozenSet.Create(StringComparer.Ordinal, "uid", "version");

    public static readonly FrozenDictionary<string, Setter> Writable = new Dictionary<string, Setter>(StringComparer.Ordinal)
    {
        ["uid"] = Int(1, int.MaxValue, static (b, v) => b with { Uid = v }),
        ["name"] = SetName,
        ["type"] = Enum<BdbType>(static (b, v) => b with { Type = v }),
        ["version"] = SetVersion,
        ["memory_size"] = Long(0, long.MaxValue, static (b, v) => b with { MemorySize = v }),
        ["shards_count"] = Int(1, MaxShards, static (b, v) => b with { ShardsCount = v }),
        ["replication"] = Bool(static (b, v) => b with { Replication = v }),
        ["sharding"] = Bool(static (b, v) => b with { Sharding = v }),
        ["shard_key_regex"] = SetShardKeyRegex,
        ["shards_placement"] = Enum<ShardsPlacement>(static (b, v) => b with { ShardsPlacement = v }),
        ["proxy_policy"] = Enum<ProxyPolicy>(static (b, v) => b with { ProxyPolicy = v }),
        ["port"] = SetPort,
        ["authentication_redis_pass"] = SetPassword,
        ["data_persistence"] = Enum<DataPersistence>(static (b, v) => b with { DataPersistence = v }),
        ["aof_policy"] = Enum<AofPolicy>(static (b, v) => b with { AofPolicy = v }),
        ["snapshot_policy"] = SetSnapshotPolicy,
        ["master_persistence"] = Bool(static (b, v) => b with { MasterPersistence = v }),
        ["eviction_policy"] = Enum<EvictionPolicy>(static (b, v) => b with { EvictionPolicy = v }),
        ["oss_cluster"] = Bool(static (b, v) => b with { OssCluster = v }),
        ["max_connections"] = Int(0, int.MaxValue, static (b, v) => b with { MaxConnections = v }),
        ["slave_ha"] = Bool(static (b, v) => b with { SlaveHa = v }),
        ["default_user"] = Bool(static (b, v) => b with { DefaultUser = v }),
        ["tls_mode"] = Enum<TlsMode>(static (b, v) => b with { TlsMode = v }),
        ["enforce_client_authentication"] = SetEnforceClientAuthentication,
        ["authentication_ssl_client_certs"] = SetClientCertificates,
        ["roles_permissions"] = RolesPermissionsField.Set,
        ["backup"] = Bool(static (b, v) => b with { Backup = v }),
        ["backup_interval"] = Int(0, int.MaxValue, static (b, v) => b with { BackupInterval = v }),
        ["backup_interval_offset"] = Int(0, int.MaxValue, static (b, v) => b with { BackupIntervalOffset = v }),
        ["backup_history"] = Int(0, 36500, static (b, v) => b with { BackupHistory = v }),
        ["backup_location"] = SetBackupLocation,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static Setter Int(int min, int max, Func<BdbRecord, int, BdbRecord> set) => (string field, JsonElement value, ref BdbRecord bdb) =>
    {
        var error = JsonFields.ReadInt(field, value, min, max, out var number);
        bdb = error is null ? set(bdb, number) : bdb;
        return error;
    };

    private static Setter Long(long min, long max, Func<BdbRecord, long, BdbRecord> set) => (string field, JsonElement value, ref BdbRecord bdb) =>
    {
        var error = JsonFields.ReadLong(field, value, min, max, out var number);
        bdb = error is null ? set(bdb, number) : bdb;
        return error;
    };

    private static Setter Bool(Func<BdbRecord, bool, BdbRecord> set) => (string field, JsonElement value, ref BdbRecord bdb) =>
    {
        var error = JsonFields.ReadBool(field, value, out var flag);
        bdb = error is null ? set(bdb, flag) : bdb;
        return error;
    };

    private static Setter Enum<TEnum>(Func<BdbRecord, TEnum, BdbRecord> set)
        where TEnum : struct, Enum => (string field, JsonElement value, ref BdbRecord bdb) =>
    {
        var error = JsonFields.ReadEnum<TEnum>(field, value, out var parsed);
        bdb = error is null ? set(bdb, parsed) : bdb;
        return error;
    };

    private static RequestError? SetName(string field, JsonElement value, ref BdbRecord bdb)
    {
        if (JsonFields.ReadString(field, value, NameRules.MaxDatabaseNameLength, out var name) is { } error)
        {
            return error;
        }
        if (!NameRules.IsDatabaseName(name))
        {
            return RequestError.Parameter($"name '{name}' is invalid: use letters, digits and hyphens, starting and ending with a letter or digit");
        }
        bdb = bdb with { Name = name };
        return null;
    }

    private static RequestError? SetVersion(string field, JsonElement value, ref BdbRecord bdb)
    {
        if (JsonFields.ReadString(field, value, 16, out var version) is { } error)
        {
            return error;
        }
        var parts = version.Split('.');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            return RequestError.NotAcceptable("invalid_version", $"version '{version}' is not a Redis version such as 7.2");
        }
        bdb = bdb with { RedisVersion = version };
        return null;
    }

    private static RequestError? SetPort(string field, JsonElement value, ref BdbRecord bdb)
    {
        if (JsonFields.ReadInt(field, value, MinPort, MaxPort, out var port) is { } error)
        {
            return error;
        }
        if (port == ReservedPort)
        {
            return RequestError.Parameter($"port {ReservedPort} is reserved");
        }
        bdb = bdb with { Port = port };
        return null;
    }

    private static RequestError? SetPassword(string field, JsonElement value, ref BdbRecord bdb)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            bdb = bdb with { AuthenticationRedisPass = null, AdditionalPasswords = [] };
            return null;
        }
        if (JsonFields.ReadString(field, value, 512, out var password) is { } error)
        {
            return error;
        }
        // Setting the password replaces every password of the default user, as Redis Enterprise does.
        bdb = bdb with { AuthenticationRedisPass = password.Length == 0 ? null : password, AdditionalPasswords = [] };
        return null;
    }

    private static RequestError? SetEnforceClientAuthentication(string field, JsonElement value, ref BdbRecord bdb)
    {
        // Redis Enterprise writes "enabled"/"disabled"; a boolean is taken too.
        bool? enforce = value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => value.GetString() switch { "enabled" => true, "disabled" => false, _ => null },
            _ => null,
        };
        if (enforce is not { } flag)
        {
            return RequestError.Parameter($"{field} must be 'enabled' or 'disabled'");
        }
        bdb = bdb with { EnforceClientAuthentication = flag };
        return null;
    }

    private static RequestError? SetClientCertificates(string field, JsonElement value, ref BdbRecord bdb)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > 100)
        {
            return JsonFields.WrongType(field, "an array of at most 100 {\"client_cert\": PEM} objects", value);
        }
        var certificates = new List<string>();
        foreach (var entry in value.EnumerateArray())
        {
            var name = $"{field}[{certificates.Count}].client_cert";
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("client_cert", out var pem))
            {
                return RequestError.Parameter($"{name} is missing");
            }
            if (JsonFields.ReadString(name, pem, 16384, out var text) is { } error)
            {
                return error;
            }
            try
            {
                using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(text);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                return RequestError.NotAcceptable("invalid_certificate", $"{name} is not a PEM certificate: {e.Message}");
            }
            certificates.Add(text);
        }
        bdb = bdb with { ClientCertificates = [.. certificates] };
        return null;
    }

    private static RequestError? SetBackupLocation(string field, JsonElement value, ref BdbRecord bdb)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            bdb = bdb with { BackupLocation = null };
            return null;
        }
        if (DataTransferRequestReader.ReadLocation(field, value, out var path) is { } error)
        {
            return error;
        }
        bdb = bdb with { BackupLocation = path };
        return null;
    }

    private static RequestError? SetSnapshotPolicy(string field, JsonElement value, ref BdbRecord bdb)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return JsonFields.WrongType(field, "an array of {\"secs\": ..., \"writes\": ...} objects", value);
        }
        if (value.GetArrayLength() > 16)
        {
            return RequestError.Parameter($"{field} has more than 16 rules");
        }
        var rules = new List<SnapshotRule>();
        foreach (var rule in value.EnumerateArray())
        {
            var name = $"{field}[{rules.Count}]";
            if (rule.ValueKind != JsonValueKind.Object)
            {
                return JsonFields.WrongType(name, "an object", rule);
            }
            foreach (var property in rule.EnumerateObject())
            {
                if (property.Name is not ("secs" or "writes"))
                {
                    return JsonFields.UnknownField($"{name}.{property.Name}");
                }
            }
            if (!rule.TryGetProperty("secs", out var secsValue) || !rule.TryGetProperty("writes", out var writesValue))
            {
                return RequestError.Parameter($"{name} needs both secs and writes");
            }
            if (JsonFields.ReadInt($"{name}.secs", secsValue, 1, int.MaxValue, out var secs) is { } secsError)
            {
                return secsError;
            }
            if (JsonFields.ReadInt($"{name}.writes", writesValue, 1, int.MaxValue, out var writes) is { } writesError)
            {
                return writesError;
            }
            rules.Add(new SnapshotRule(secs, writes));
        }
        bdb = bdb with { SnapshotPolicy = [.. rules] };
        return null;
    }

    private static RequestError? SetShardKeyRegex(string field, JsonElement value, ref BdbRecord bdb)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return JsonFields.WrongType(field, "an array of {\"regex\": ...} objects", value);
        }
        if (value.GetArrayLength() > 64)
        {
            return RequestError.Parameter($"{field} has more than 64 rules");
        }
        var rules = new List<string>();
        foreach (var rule in value.EnumerateArray())
        {
            var name = $"{field}[{rules.Count}]";
            if (rule.ValueKind != JsonValueKind.Object)
            {
                return JsonFields.WrongType(name, "an object", rule);
            }
            foreach (var property in rule.EnumerateObject())
            {
                if (property.Name != "regex")
                {
                    return JsonFields.UnknownField($"{name}.{property.Name}");
                }
            }
            if (!rule.TryGetProperty("regex", out var pattern))
            {
                return RequestError.Parameter($"{name}.regex is missing");
            }
            if (JsonFields.ReadString($"{name}.regex", pattern, 1024, out var text) is { } error)
            {
                return error;
            }
            if (KeyHashing.ProblemWith(text) is { } problem)
            {
                return RequestError.NotAcceptable(ErrorCodes.InvalidSharding, $"{name}.regex '{text}' {problem}");
            }
            rules.Add(text);
        }
        bdb = bdb with { ShardKeyRegex = [.. rules] };
        return null;
    }
}
