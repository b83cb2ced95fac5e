using System.Text.Json;
using Spinel.Api.Http;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Validation;

/// <summary>
/// Reads the body of <c>PUT /v1/cluster</c> as changes over the current record: <c>failure_detection_sensitivity</c>
/// (high|low), <c>slave_ha</c> and <c>slave_ha_grace_period</c> (seconds, 0 or more). The name is immutable (it may be
/// repeated unchanged, in any case); <c>created_time</c> is read-only; any other field is unknown.
/// </summary>
internal static class ClusterRequestReader
{
    public static RequestError? Read(JsonElement body, ClusterRecord current, out ClusterRecord desired)
    {
        desired = current;
        foreach (var property in body.EnumerateObject())
        {
            var (field, value) = (property.Name, property.Value);
            var error = field switch
            {
                "name" => CheckName(value, current),
                "failure_detection_sensitivity" => SetSensitivity(value, ref desired),
                "slave_ha" => SetSlaveHa(value, ref desired),
                "slave_ha_grace_period" => SetGracePeriod(value, ref desired),
                "created_time" => JsonFields.ReadOnlyField(field),
                _ => JsonFields.UnknownField(field),
            };
            if (error is not null)
            {
                desired = current;
                return error;
            }
        }
        return null;
    }

    private static RequestError? CheckName(JsonElement value, ClusterRecord current)
    {
        if (JsonFields.ReadString("name", value, 256, out var name) is { } error)
        {
            return error;
        }
        return string.Equals(name, current.Name, StringComparison.OrdinalIgnoreCase)
            ? null
            : RequestError.NotAcceptable(ErrorCodes.NameImmutable, $"the cluster name is immutable; it stays '{current.Name}'");
    }

    private static RequestError? SetSensitivity(JsonElement value, ref ClusterRecord cluster)
    {
        var error = JsonFields.ReadEnum<FailureDetectionSensitivity>("failure_detection_sensitivity", value, out var sensitivity);
        cluster = error is null ? cluster with { FailureDetectionSensitivity = sensitivity } : cluster;
        return error;
    }

    private static RequestError? SetSlaveHa(JsonElement value, ref ClusterRecord cluster)
    {
        var error = JsonFields.ReadBool("slave_ha", value, out var enabled);
        cluster = error is null ? cluster with { SlaveHa = enabled } : cluster;
        return error;
    }

    private static RequestError? SetGracePeriod(JsonElement value, ref ClusterRecord cluster)
    {
        var error = JsonFields.ReadInt("slave_ha_grace_period", value, 0, int.MaxValue, out var seconds);
        cluster = error is null ? cluster with { SlaveHaGracePeriod = seconds } : cluster;
        return error;
    }
}
