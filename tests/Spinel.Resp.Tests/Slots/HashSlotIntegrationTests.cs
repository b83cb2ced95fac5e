using System.Text;
using Spinel.Resp.Slots;

namespace Spinel.Resp.Tests.Slots;

[Trait("Category", "Integration")]
public class HashSlotIntegrationTests
{
    [Fact]
    public void Compute_RandomKeys_MatchesClusterKeySlot()
    {
        using var server = TestRedisServer.Start("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf");
        using var connection = server.Connect();
        // Braces are over-represented so that many keys carry (possibly empty or nested) hash tags.
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789:._-{}{}{}";
        var random = new Random(20240611);
        var mismatches = new List<string>();

        for (var i = 0; i < 400; i++)
        {
            var chars = new char[random.Next(0, 20)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = alphabet[random.Next(alphabet.Length)];
            }
            var key = new string(chars);

            var expected = (long)connection.Call("CLUSTER", "KEYSLOT", key)!;
            var actual = HashSlot.Compute(Encoding.UTF8.GetBytes(key));

            if (expected != actual)
            {
                mismatches.Add($"{key}: redis {expected}, ours {actual}");
            }
        }

        Assert.Empty(mismatches);
    }
}
