using System.Text.Json;
using System.Text.Json.Serialization;
using Spinel.Model;

namespace Spinel.ControlPlane.Store.Json;

/// <summary>Writes <see cref="ShardRole"/> as <c>"master"</c> / <c>"replica"</c>.</summary>
public sealed class ShardRoleJsonConverter() : JsonStringEnumConverter<ShardRole>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false);
