using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>Which of the cluster's services a custom certificate is for (Redis Enterprise certificate names).</summary>
// The JSON names are persisted in the Raft log and snapshots: never change one.
public enum CertificateName
{
    /// <summary>Database endpoints with TLS.</summary>
    [JsonStringEnumMemberName("proxy")]
    Proxy,

    /// <summary>The REST API and console on the HTTPS port.</summary>
    [JsonStringEnumMemberName("api")]
    Api,
}
