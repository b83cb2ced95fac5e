using Spinel.Resp.Commands;

namespace Spinel.Resp.Tests.Commands;

public class CommandHotPathAllocationTests
{
    [Fact]
    public void ResolveAndGetKeyIndexes_WarmedUp_DoNotAllocate()
    {
        var requests = new[]
        {
            CommandLine.Request("get k"),
            CommandLine.Request("OBJECT ENCODING k"),
            CommandLine.Request("XREADGROUP GROUP g c STREAMS a b > >"),
            CommandLine.Request("EVAL s 2 a b"),
            CommandLine.Request("SORT k BY x STORE d"),
            CommandLine.Request("MIGRATE h p \"\" 0 5 KEYS a b"),
        };
        var keys = new List<int>(64);
        Run();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Run();
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);

        void Run()
        {
            foreach (var request in requests)
            {
                keys.Clear();
                KeyExtractor.GetKeyIndexes(CommandTable.Resolve(request)!, request, keys);
            }
        }
    }
}
