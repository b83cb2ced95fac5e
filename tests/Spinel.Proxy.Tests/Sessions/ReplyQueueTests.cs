using System.Collections.Concurrent;
using System.Text;
using Spinel.Proxy.Sessions;

namespace Spinel.Proxy.Tests.Sessions;

public class ReplyQueueTests
{
    [Fact]
    public void TryDequeueCompleted_SlotsCompletedInRandomOrderFromManyThreads_DequeuesInEnqueueOrder()
    {
        const int Slots = 20_000;
        const int Completers = 4;
        var queue = new ReplyQueue(() => { });
        var work = Enumerable.Range(0, Completers).Select(_ => new BlockingCollection<(ReplySlot Slot, int Index)>()).ToArray();
        var random = new Random(17);
        var completers = work.Select(inbox => new Thread(() =>
        {
            var local = new Random(inbox.GetHashCode());
            var held = new List<(ReplySlot Slot, int Index)>();
            foreach (var item in inbox.GetConsumingEnumerable())
            {
                held.Add(item);
                // Hold some back so completions overtake each other.
                if (held.Count > 8 || local.Next(3) == 0)
                {
                    var pick = local.Next(held.Count);
                    Complete(held[pick]);
                    held.RemoveAt(pick);
                }
            }
            foreach (var item in held.OrderBy(_ => local.Next()))
            {
                Complete(item);
            }
        })).ToList();
        completers.ForEach(t => t.Start());

        var enqueued = new List<ReplySlot>(Slots);
        var dequeued = new List<ReplySlot>(Slots);
        for (var i = 0; i < Slots; i++)
        {
            var slot = queue.Enqueue();
            enqueued.Add(slot);
            work[random.Next(Completers)].Add((slot, i));
            while (queue.TryDequeueCompleted(out var done))
            {
                dequeued.Add(done);
            }
        }
        foreach (var inbox in work)
        {
            inbox.CompleteAdding();
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (dequeued.Count < Slots && DateTime.UtcNow < deadline)
        {
            if (queue.TryDequeueCompleted(out var done))
            {
                dequeued.Add(done);
            }
            else
            {
                Thread.Yield();
            }
        }
        completers.ForEach(t => t.Join());

        Assert.Equal(Slots, dequeued.Count);
        for (var i = 0; i < Slots; i++)
        {
            Assert.Same(enqueued[i], dequeued[i]);
            Assert.Equal($":{i}\r\n", Encoding.ASCII.GetString(dequeued[i].Data));
        }
        Assert.Equal(0, queue.Count);
        Assert.Equal(0, queue.CompletedBytes);

        static void Complete((ReplySlot Slot, int Index) item) => item.Slot.Complete(Encoding.ASCII.GetBytes($":{item.Index}\r\n"));
    }

    [Fact]
    public void TryDequeueCompleted_HeadPending_ReturnsFalseWhileLaterSlotsAreComplete()
    {
        var queue = new ReplyQueue(() => { });
        var first = queue.Enqueue();
        var second = queue.Enqueue();
        second.Complete("+second\r\n"u8);

        Assert.False(queue.TryDequeueCompleted(out _));

        first.Complete("+first\r\n"u8);
        Assert.True(queue.TryDequeueCompleted(out var a));
        Assert.True(queue.TryDequeueCompleted(out var b));
        Assert.False(queue.TryDequeueCompleted(out _));
        Assert.Same(first, a);
        Assert.Same(second, b);
    }

    [Fact]
    public void TryDequeueCompleted_SuppressedSlot_KeepsItsPlaceAndFlag()
    {
        var queue = new ReplyQueue(() => { });
        var visible = queue.Enqueue();
        var suppressed = queue.Enqueue();
        suppressed.Suppressed = true;
        var last = queue.Enqueue();
        last.Complete("+last\r\n"u8);
        suppressed.Complete("+hidden\r\n"u8);
        visible.Complete("+shown\r\n"u8);

        var order = new List<ReplySlot>();
        while (queue.TryDequeueCompleted(out var slot))
        {
            order.Add(slot);
        }

        Assert.Equal([visible, suppressed, last], order);
        Assert.Equal([false, true, false], order.Select(s => s.Suppressed));
    }

    [Fact]
    public void CompletedBytes_CompleteThenDequeue_CountsOnlyUnwrittenReplies()
    {
        var queue = new ReplyQueue(() => { });
        var a = queue.Enqueue();
        var b = queue.Enqueue();
        var c = queue.Enqueue();

        b.Complete(new byte[100]);
        c.Complete(new byte[1000]);
        Assert.Equal(1100, queue.CompletedBytes);

        a.Complete(new byte[10]);
        Assert.Equal(1110, queue.CompletedBytes);

        Assert.True(queue.TryDequeueCompleted(out _));
        Assert.Equal(1100, queue.CompletedBytes);
        Assert.True(queue.TryDequeueCompleted(out _));
        Assert.True(queue.TryDequeueCompleted(out _));
        Assert.Equal(0, queue.CompletedBytes);
    }

    [Fact]
    public void CompletedBytes_ManyThreadsCompleting_SumsExactly()
    {
        var queue = new ReplyQueue(() => { });
        var slots = Enumerable.Range(0, 4000).Select(_ => queue.Enqueue()).ToArray();

        Parallel.For(0, slots.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => slots[i].Complete(new byte[i % 50]));

        Assert.Equal(slots.Select((_, i) => (long)(i % 50)).Sum(), queue.CompletedBytes);
        Assert.Equal(4000, queue.Count);
    }

    [Fact]
    public void Enqueue_Complete_CallsOnCompletedOncePerSlot()
    {
        var calls = 0;
        var queue = new ReplyQueue(() => Interlocked.Increment(ref calls));
        var slots = Enumerable.Range(0, 10).Select(_ => queue.Enqueue()).ToList();

        Assert.Equal(0, calls);
        slots.ForEach(s => s.Complete("+OK\r\n"u8));

        Assert.Equal(10, calls);
        Assert.Equal(10, queue.Count);
    }

    [Fact]
    public async Task WaitForSpaceAsync_AfterADequeue_CompletesWithTrue()
    {
        var queue = new ReplyQueue(() => { });
        var slot = queue.Enqueue();
        var wait = queue.WaitForSpaceAsync(CancellationToken.None).AsTask();
        Assert.False(wait.IsCompleted);

        slot.Complete("+OK\r\n"u8);
        Assert.True(queue.TryDequeueCompleted(out _));

        Assert.True(await wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task WaitForSpaceAsync_Closed_CompletesWithFalse()
    {
        var queue = new ReplyQueue(() => { });
        queue.Enqueue();
        var wait = queue.WaitForSpaceAsync(CancellationToken.None).AsTask();

        queue.Close();

        Assert.False(await wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task WaitForSpaceAsync_Cancelled_Throws()
    {
        var queue = new ReplyQueue(() => { });
        using var cts = new CancellationTokenSource();
        var wait = queue.WaitForSpaceAsync(cts.Token).AsTask();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Drain_QueuedSlots_LeavesAnEmptyQueue()
    {
        var queue = new ReplyQueue(() => { });
        var done = queue.Enqueue();
        queue.Enqueue();
        done.Complete("+OK\r\n"u8);

        queue.Drain();

        Assert.Equal(0, queue.Count);
        Assert.False(queue.TryDequeueCompleted(out _));
        var next = queue.Enqueue();
        next.Complete(":1\r\n"u8);
        Assert.True(queue.TryDequeueCompleted(out var slot));
        Assert.Same(next, slot);
    }
}
