using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>Whether a database's endpoint requires TLS (<c>tls_mode</c>).</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum TlsMode
{
    [JsonStringEnumMemberName("disabled")]
    Disabled,

    [JsonStringEnumMemberName("enabled")]
    Enabled,
}
