using System.Text.Json;
using Spinel.Api.Http;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Validation;

/// <summary>
/// Reads the body of <c>PUT /v1/cluster</c>. Spinel keeps no changeable cluster setting yet: the name is immutable
/// (it may be repeated unchanged) and any other field is refused.
/// </summary>
internal static class ClusterRequestReader
{
    public static RequestError? Read(JsonElement body, ClusterRecord current)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name != "name")
            {
                return property.Name == "created_time" ? JsonFields.ReadOnlyField(property.Name) : JsonFields.UnknownField(property.Name);
            }
            if (JsonFields.ReadString("name", property.Value, 256, out var name) is { } error)
            {
                return error;
            }
            if (!string.Equals(name, current.Name, StringComparison.OrdinalIgnoreCase))
            {
                return RequestError.NotAcceptable(ErrorCodes.NameImmutable, $"the cluster name is immutable; it stays '{current.Name}'");
            }
        }
        return null;
    }
}
