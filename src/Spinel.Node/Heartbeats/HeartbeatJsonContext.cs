using System.Text.Json.Serialization;
using Spinel.ControlPlane.Health;

namespace Spinel.Node.Heartbeats;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NodeReport))]
[JsonSerializable(typeof(HeartbeatReply))]
internal sealed partial class HeartbeatJsonContext : JsonSerializerContext;
