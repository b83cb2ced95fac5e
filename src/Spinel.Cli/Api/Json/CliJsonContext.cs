using System.Text.Json.Serialization;

namespace Spinel.Cli.Api.Json;

/// <summary>Source-generated metadata for the REST objects the CLI reads; unknown fields are skipped.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ClusterInfo))]
[JsonSerializable(typeof(CertificatesInfo))]
[JsonSerializable(typeof(IReadOnlyList<NodeInfo>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, NodeStatusInfo>))]
[JsonSerializable(typeof(IReadOnlyList<BdbInfo>))]
[JsonSerializable(typeof(BdbInfo))]
[JsonSerializable(typeof(IReadOnlyList<ShardInfo>))]
[JsonSerializable(typeof(ActionInfo))]
[JsonSerializable(typeof(ActionList))]
[JsonSerializable(typeof(IReadOnlyList<ActionInfo>))]
[JsonSerializable(typeof(ActionAccepted))]
[JsonSerializable(typeof(IReadOnlyList<BlueprintEntry>))]
[JsonSerializable(typeof(BootstrapInfo))]
[JsonSerializable(typeof(EventInfo))]
[JsonSerializable(typeof(IReadOnlyList<ObjectStats>))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(IReadOnlyList<RedisAclInfo>))]
[JsonSerializable(typeof(RedisAclInfo))]
[JsonSerializable(typeof(IReadOnlyList<RoleInfo>))]
[JsonSerializable(typeof(RoleInfo))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
