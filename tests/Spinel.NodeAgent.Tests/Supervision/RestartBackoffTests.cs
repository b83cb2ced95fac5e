using Spinel.NodeAgent.Supervision;

namespace Spinel.NodeAgent.Tests.Supervision;

public class RestartBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 4)]
    [InlineData(6, 16)]
    [InlineData(7, 30)]
    [InlineData(1000, 30)]
    public void DelayFor_ConsecutiveFailures_FirstAtOnceThenDoublingUpToMax(int failures, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RestartBackoff.DelayFor(failures, Base, Max));
    }
}
