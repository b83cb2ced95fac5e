using System.Text;
using Spinel.Resp.Slots;

namespace Spinel.Resp.Tests.Slots;

public class HashSlotTests
{
    [Fact]
    public void Crc16_ClusterSpecTestVector_Is31C3()
    {
        Assert.Equal(0x31C3, HashSlot.Crc16("123456789"u8));
    }

    [Fact]
    public void Crc16_Empty_IsZero()
    {
        Assert.Equal(0, HashSlot.Crc16([]));
    }

    // Slots as reported by CLUSTER KEYSLOT of redis-server 7.0.
    [Theory]
    [InlineData("123456789", 12739)]
    [InlineData("foo", 12182)]
    [InlineData("bar", 5061)]
    [InlineData("somekey", 11058)]
    [InlineData("hello", 866)]
    [InlineData("", 0)]
    [InlineData("{user1000}.following", 3443)]
    [InlineData("foo{}{bar}", 8363)]
    [InlineData("foo{{bar}}zap", 4015)]
    [InlineData("foo{bar}{zap}", 5061)]
    public void Compute_Key_MatchesRedisKeySlot(string key, int expected)
    {
        Assert.Equal(expected, HashSlot.Compute(Encoding.UTF8.GetBytes(key)));
    }

    [Fact]
    public void Compute_SameHashTag_SameSlot()
    {
        var following = HashSlot.Compute("{user1000}.following"u8);
        var followers = HashSlot.Compute("{user1000}.followers"u8);

        Assert.Equal(following, followers);
        Assert.Equal(HashSlot.Compute("user1000"u8), following);
    }

    [Fact]
    public void Compute_EmptyHashTag_HashesWholeKey()
    {
        Assert.Equal(HashSlot.Crc16("foo{}{bar}"u8) % 16384, HashSlot.Compute("foo{}{bar}"u8));
    }

    [Fact]
    public void Compute_NestedOpenBrace_HashesUpToFirstClose()
    {
        Assert.Equal(HashSlot.Compute("{bar"u8), HashSlot.Compute("foo{{bar}}zap"u8));
    }

    [Fact]
    public void Compute_TwoHashTags_UsesFirst()
    {
        Assert.Equal(HashSlot.Compute("bar"u8), HashSlot.Compute("foo{bar}{zap}"u8));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("}{")]
    [InlineData("{}")]
    [InlineData("abc{")]
    [InlineData("abc}def{")]
    public void Compute_NoCompleteHashTag_HashesWholeKey(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        Assert.Equal(HashSlot.Crc16(bytes) % 16384, HashSlot.Compute(bytes));
    }

    [Fact]
    public void Compute_AnyKey_IsWithinSlotRange()
    {
        var random = new Random(7);
        var key = new byte[24];
        for (var i = 0; i < 1000; i++)
        {
            random.NextBytes(key);
            Assert.InRange(HashSlot.Compute(key), 0, HashSlot.Count - 1);
        }
    }
}
