using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Raft;

namespace Spinel.ControlPlane.Store.Json;

/// <summary>
/// How the store reads its JSON back (log entries, snapshots, the recovery file): the same names and converters as
/// <see cref="StoreJsonContext"/>, but with reflection metadata. Source-generated metadata sets every init-only property
/// the JSON lacks to its type's default (dotnet/runtime#84484), so an entry written before a field existed would get
/// <c>false</c> or <c>0</c> instead of the field's initializer (a bdb's <c>slave_ha</c> off, the next node uid 0);
/// reflection metadata leaves the initializer's value. Writing stays source-generated.
/// </summary>
internal static class StoreJsonReading
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        // The specific converters go first: the enum converter would take ShardRole too.
        Converters = { new SlotRangeJsonConverter(), new ShardRoleJsonConverter(), new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static JsonTypeInfo<ClusterCommand> ClusterCommand { get; } = (JsonTypeInfo<ClusterCommand>)Options.GetTypeInfo(typeof(ClusterCommand));

    public static JsonTypeInfo<ClusterState> ClusterState { get; } = (JsonTypeInfo<ClusterState>)Options.GetTypeInfo(typeof(ClusterState));

    public static JsonTypeInfo<ClusterSnapshot> ClusterSnapshot { get; } = (JsonTypeInfo<ClusterSnapshot>)Options.GetTypeInfo(typeof(ClusterSnapshot));
}
