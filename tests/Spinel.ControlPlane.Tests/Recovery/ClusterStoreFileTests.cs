using Spinel.ControlPlane.Recovery;
using Spinel.ControlPlane.Tests.Infrastructure;

namespace Spinel.ControlPlane.Tests.Recovery;

public sealed class ClusterStoreFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spinel-ccs-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void WrittenState_ReadsBackEqual_AndOnlyItsOwnerMayReadIt()
    {
        var path = ClusterStoreFile.PathIn(_directory);
        var state = Records.WithBdb();

        ClusterStoreFile.Write(path, state);
        ClusterStoreFile.Write(path, state);

        Assert.Equal(state, ClusterStoreFile.Read(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"format":99,"state":{}}""")]
    public void ForeignFile_IsRefusedAsInvalidData(string content)
    {
        var path = Path.Combine(_directory, "bad.json");
        File.WriteAllText(path, content);

        Assert.Throws<InvalidDataException>(() => ClusterStoreFile.Read(path));
    }
}
