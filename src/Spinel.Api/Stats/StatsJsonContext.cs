using System.Text.Json.Serialization;

namespace Spinel.Api.Stats;

[JsonSerializable(typeof(IReadOnlyList<ObjectStatsDto>))]
[JsonSerializable(typeof(IReadOnlyList<StatsRecord>))]
internal sealed partial class StatsJsonContext : JsonSerializerContext;
