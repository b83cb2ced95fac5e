using System.Buffers;
using System.Text;
using Spinel.Proxy.Replies;
using Spinel.Proxy.Sessions;

namespace Spinel.Proxy.Tests.Replies;

public class ReplyAggregatorTests
{
    [Fact]
    public void Part_RepliesArriveOutOfOrderFromManyThreads_CompletesOnceWithTheMergeInPartOrder()
    {
        for (var round = 0; round < 200; round++)
        {
            var completions = 0;
            var queue = new ReplyQueue(() => Interlocked.Increment(ref completions));
            var slot = queue.Enqueue();
            var aggregator = new ReplyAggregator(slot, 8, ReplyMerges.ConcatArrays);

            Parallel.ForEach(Enumerable.Range(0, 8).Reverse(), new ParallelOptions { MaxDegreeOfParallelism = 4 },
                i => aggregator.Part(i).OnReply(new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes($"*1\r\n:{i}\r\n"))));

            Assert.Equal(1, completions);
            Assert.Equal("*8\r\n:0\r\n:1\r\n:2\r\n:3\r\n:4\r\n:5\r\n:6\r\n:7\r\n", Encoding.ASCII.GetString(slot.Data));
        }
    }

    [Fact]
    public void Part_OnePartFails_CompletesWithThatError()
    {
        var slot = new ReplyQueue(() => { }).Enqueue();
        var aggregator = new ReplyAggregator(slot, 2, ReplyMerges.SumIntegers);

        aggregator.Part(0).OnReply(new ReadOnlySequence<byte>(":3\r\n"u8.ToArray()));
        Assert.False(slot.IsCompleted);
        aggregator.Part(1).OnFailure("ERR shard unavailable");

        Assert.Equal("-ERR shard unavailable\r\n", Encoding.ASCII.GetString(slot.Data));
    }

    [Fact]
    public void Part_MergeThrows_CompletesWithAMergeError()
    {
        var slot = new ReplyQueue(() => { }).Enqueue();
        var aggregator = new ReplyAggregator(slot, 1, (_, _) => throw new InvalidOperationException("odd reply"));

        aggregator.Part(0).OnReply(new ReadOnlySequence<byte>("+OK\r\n"u8.ToArray()));

        Assert.Equal("-ERR cannot merge shard replies: odd reply\r\n", Encoding.ASCII.GetString(slot.Data));
    }
}
