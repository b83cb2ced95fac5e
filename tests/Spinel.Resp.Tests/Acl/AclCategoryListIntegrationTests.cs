using Spinel.Resp.Acl;

namespace Spinel.Resp.Tests.Acl;

[Trait("Category", "Integration")]
public class AclCategoryListIntegrationTests(RedisServerFixture fixture) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public void Names_MatchServerAclCat()
    {
        using var connection = fixture.Server.Connect();

        Assert.Equal(RespTestValue.ParseStrings(connection.CallRaw("ACL", "CAT")), AclCategoryList.Names);
    }

    [Fact]
    public void TryGetCommands_EveryCategory_MatchesServerAclCatAsSets()
    {
        using var connection = fixture.Server.Connect();
        foreach (var category in AclCategoryList.Names)
        {
            var server = RespTestValue.ParseStrings(connection.CallRaw("ACL", "CAT", category));

            Assert.True(AclCategoryList.TryGetCommands(category.ToUpperInvariant(), out var ours));
            Assert.Equal(server.Order(StringComparer.Ordinal), ours.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void TryGetCommands_UnknownCategory_FalseLikeServerError()
    {
        using var connection = fixture.Server.Connect();

        Assert.Equal(new RespTestError("ERR Unknown category 'nosuch'"), connection.Call("ACL", "CAT", "nosuch"));
        Assert.False(AclCategoryList.TryGetCommands("nosuch", out _));
    }
}
