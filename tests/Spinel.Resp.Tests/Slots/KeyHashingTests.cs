using System.Diagnostics;
using System.Text;
using Spinel.Resp.Slots;

namespace Spinel.Resp.Tests.Slots;

public class KeyHashingTests
{
    private static readonly string[] UserRules = ["user:(?<tag>[0-9]+):.*", "(?<tag>.*)"];

    private static int Crc(string text) => HashSlot.Crc16(Encoding.Latin1.GetBytes(text)) & (HashSlot.Count - 1);

    private static int Crc(ReadOnlySpan<byte> bytes) => HashSlot.Crc16(bytes) & (HashSlot.Count - 1);

    [Fact]
    public void FromRules_NoneOrTheDefaultList_IsTheHashTagHashing()
    {
        Assert.Same(KeyHashing.Default, KeyHashing.FromRules([]));
        Assert.Same(KeyHashing.Default, KeyHashing.FromRules([@".*\{(?<tag>.*)\}.*", "(?<tag>.*)"]));
        Assert.True(KeyHashing.Default.IsDefault);
        Assert.Equal([@".*\{(?<tag>.*)\}.*", "(?<tag>.*)"], KeyHashing.Default.Rules);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{a}{b}")]
    [InlineData("foo{}{bar}")]
    [InlineData("foo{{bar}}zap")]
    [InlineData("}{a}")]
    [InlineData("{")]
    [InlineData("{user1000}.following")]
    public void SlotOf_DefaultRulesOnBraceEdgeCases_IsHashSlot(string key)
    {
        var bytes = Encoding.Latin1.GetBytes(key);

        Assert.Equal(HashSlot.Compute(bytes), KeyHashing.Default.SlotOf(bytes));
    }

    [Fact]
    public void SlotOf_DefaultRulesOnRandomKeys_IsHashSlot()
    {
        var random = new Random(20250105);
        var hashing = KeyHashing.FromRules([.. KeyHashing.DefaultRules]);
        for (var i = 0; i < 5000; i++)
        {
            var key = new byte[random.Next(0, 24)];
            for (var b = 0; b < key.Length; b++)
            {
                // Braces are over-represented so that many keys carry (empty, nested or several) tags.
                key[b] = random.Next(4) == 0 ? (byte)"{}"[random.Next(2)] : (byte)random.Next(256);
            }

            Assert.Equal(HashSlot.Compute(key), hashing.SlotOf(key));
        }
    }

    [Fact]
    public void FromRules_SameList_SharesOneCompiledInstance()
    {
        var first = KeyHashing.FromRules([.. UserRules]);
        var second = KeyHashing.FromRules([.. UserRules]);

        Assert.Same(first, second);
        Assert.False(first.IsDefault);
        Assert.Equal(UserRules, first.Rules);
        Assert.NotSame(first, KeyHashing.FromRules(["(?<tag>.*)"]));
    }

    [Fact]
    public void SlotOf_CustomRules_FirstMatchingRuleDecides()
    {
        var hashing = KeyHashing.FromRules(UserRules);

        Assert.Equal(Crc("42"), hashing.SlotOf("user:42:name"u8));
        Assert.Equal(Crc("42"), hashing.SlotOf("user:42:email"u8));
        Assert.Equal(Crc("order:7"), hashing.SlotOf("order:7"u8));
        // Braces mean nothing to custom rules.
        Assert.Equal(Crc("{a}b"), hashing.SlotOf("{a}b"u8));
    }

    [Fact]
    public void SlotOf_CustomRules_MatchOnlyTheWholeKey()
    {
        var hashing = KeyHashing.FromRules(["(?<tag>[0-9]+)", "user:(?<tag>[0-9]+)"]);

        Assert.Equal(Crc("12"), hashing.SlotOf("12"u8));
        Assert.Equal(Crc("ab12cd"), hashing.SlotOf("ab12cd"u8));
        Assert.Equal(Crc("user:42:name"), hashing.SlotOf("user:42:name"u8));
        Assert.Equal(Crc("42"), hashing.SlotOf("user:42"u8));
    }

    [Fact]
    public void SlotOf_NoRuleMatches_HashesTheWholeKey()
    {
        var hashing = KeyHashing.FromRules(["x(?<tag>.*)"]);

        Assert.Equal(Crc("{a}b"), hashing.SlotOf("{a}b"u8));
        Assert.Equal(Crc(""), hashing.SlotOf(""u8));
        Assert.Equal(Crc("b"), hashing.SlotOf("xb"u8));
    }

    [Fact]
    public void SlotOf_NonAsciiBytes_RoundTripIntoTheTag()
    {
        var hashing = KeyHashing.FromRules(["(?<tag>[^:]*):.*", @"\xff(?<tag>.*)"]);
        byte[] utf8Key = [0xC3, 0xA9, (byte)':', 0xFF, 0x00, 0x80];
        byte[] binaryKey = [0xFF, (byte)'a', 0x0A, 0x80, (byte)'b'];

        Assert.Equal(Crc([0xC3, 0xA9]), hashing.SlotOf(utf8Key));
        Assert.Equal(Crc([(byte)'a', 0x0A, 0x80, (byte)'b']), hashing.SlotOf(binaryKey));
    }

    [Fact]
    public void SlotOf_TagThatTookNoPart_TriesTheNextRule()
    {
        var hashing = KeyHashing.FromRules(["(?<tag>x)|y", "(?<tag>)y"]);

        Assert.Equal(Crc("x"), hashing.SlotOf("x"u8));
        Assert.Equal(0, hashing.SlotOf("y"u8));
    }

    [Fact]
    public void SlotOf_RuleThatBacktracksForever_GivesUpAndHashesTheWholeKey()
    {
        var hashing = KeyHashing.FromRules(["(?<tag>(a+)+)b"]);
        var key = Encoding.Latin1.GetBytes(new string('a', 40) + "!");
        var clock = Stopwatch.StartNew();

        Assert.Equal(Crc(key), hashing.SlotOf(key));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"hashing one key took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("(unclosed", "not a valid regular expression")]
    [InlineData(".*", "no named group 'tag'")]
    [InlineData("(?<other>.*)", "no named group 'tag'")]
    [InlineData("a)(?<tag>b", "not a valid regular expression")]
    public void ProblemWith_BadRule_SaysWhy(string rule, string said)
    {
        Assert.Contains(said, KeyHashing.ProblemWith(rule)!, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => KeyHashing.FromRules([rule]));
    }

    [Theory]
    [InlineData("(?<tag>.*)")]
    [InlineData("user:(?<tag>[0-9]+):.*")]
    [InlineData(@".*\{(?<tag>.*)\}.*")]
    public void ProblemWith_GoodRule_IsNull(string rule)
    {
        Assert.Null(KeyHashing.ProblemWith(rule));
    }
}
