using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Spinel.ControlPlane.Raft;
using Spinel.ControlPlane.Tests.Infrastructure;
using Xunit.Abstractions;
using static Spinel.ControlPlane.Tests.Raft.Proposals;

namespace Spinel.ControlPlane.Tests.Raft;

/// <summary>Raft over TLS with mutual authentication: members with certificates of the cluster CA replicate, a stranger is refused.</summary>
[Collection(RaftTestCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RaftTlsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MembersOfTheCa_Replicate_AndAMemberWithAnotherCasCertificateIsRefused()
    {
        using var clusterCa = CreateAuthority("CN=test cluster CA");
        using var otherCa = CreateAuthority("CN=stranger CA");
        await using var cluster = new TestCluster(output, o =>
        {
            o.RaftTls = true;
            o.MembershipChangeTimeout = TimeSpan.FromSeconds(3);
        }, size: 4);
        var (members, stranger) = (cluster.Nodes.Take(3).ToList(), cluster.Nodes[3]);
        foreach (var node in members)
        {
            node.Credentials = Credentials(Issue(clusterCa, node.Name), clusterCa);
        }
        // The stranger trusts the cluster's CA; only its own certificate comes from elsewhere.
        stranger.Credentials = Credentials(Issue(otherCa, stranger.Name), clusterCa);

        await members[0].StartAsync();
        await Eventually.UntilAsync(() => members[0].Store.IsLeader, "the cold-started node leads alone");
        foreach (var node in members.Skip(1))
        {
            await node.StartAsync();
            await cluster.JoinAsync(node);
        }
        await Eventually.UntilAsync(() => members.All(n => n.Store.Members.Count == 3 && n.Store.HasQuorum), "three members with a quorum");
        await AppliedAsync(await cluster.LeaderAsync(), CreateCluster(members[0]));
        var state = (await ProposeAsync(cluster, PutBdb(1))).State!;
        Assert.Equal(state, await cluster.ConvergedAsync(state.Version));

        await stranger.StartAsync();
        var leader = await cluster.LeaderAsync();

        Assert.False(await leader.Store.AddMemberAsync(stranger.EndPoint, CancellationToken.None));
        Assert.False(stranger.Store.Current.IsCreated);
        Assert.Empty(stranger.Store.Members);
    }

    private static RaftTransportCredentials Credentials(X509Certificate2 certificate, X509Certificate2 authority)
    {
        var credentials = new RaftTransportCredentials();
        credentials.Install(certificate, [X509CertificateLoader.LoadCertificate(authority.RawData)]);
        return credentials;
    }

    private static X509Certificate2 CreateAuthority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(10), RandomNumberGenerator.GetBytes(12));
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
