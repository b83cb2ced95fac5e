using System.Security.Cryptography;
using System.Text;
using Spinel.ControlPlane.Store;

namespace Spinel.Node.Heartbeats;

/// <summary>
/// Heartbeats are signed with a key only cluster members can derive (from the cluster CA's private key in the store),
/// so nothing outside the cluster can keep a dead node alive or make a live one look dead.
/// </summary>
internal static class HeartbeatSignature
{
    public const string Header = "X-Spinel-Signature";

    public static string? Sign(ClusterState state, ReadOnlySpan<byte> body) =>
        KeyOf(state) is { } key ? Convert.ToHexString(HMACSHA256.HashData(key, body)) : null;

    public static bool Verify(ClusterState state, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null || KeyOf(state) is not { } key)
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(key, body, expected);
        Span<byte> given = stackalloc byte[32];
        return Convert.FromHexString(signature, given, out _, out var written) == System.Buffers.OperationStatus.Done && written == 32 &&
               CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static byte[]? KeyOf(ClusterState state) =>
        state.Cluster?.CertificateAuthorityKeyPem is { } pem ? SHA256.HashData(Encoding.UTF8.GetBytes("spinel-heartbeat\n" + pem)) : null;
}
