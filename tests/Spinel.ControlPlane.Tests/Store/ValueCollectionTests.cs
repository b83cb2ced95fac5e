using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Tests.Store;

public sealed class ValueCollectionTests
{
    [Fact]
    public void ValueList_ComparesByContent_AndDefaultIsEmpty()
    {
        ValueList<int> a = [1, 2, 3];
        ValueList<int> b = new[] { 1, 2, 3 }.ToValueList();

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, [1, 2]);
        Assert.Equal(default, new ValueList<int>([]));
        Assert.Empty(default(ValueList<int>));
    }

    [Fact]
    public void ValueDictionary_ComparesByContent_WhateverTheInsertionOrder()
    {
        var a = ValueDictionary.Create(new Dictionary<string, int> { ["x"] = 1, ["y"] = 2 });
        var b = default(ValueDictionary<string, int>).SetItem("y", 2).SetItem("x", 1);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b.SetItem("x", 3));
        Assert.NotEqual(a, b.Remove("y"));
        Assert.Equal(["x", "y"], b.Keys);
        Assert.Empty(default(ValueDictionary<int, string>));
    }

    [Fact]
    public void ValueDictionary_OrdersStringKeysOrdinally()
    {
        var map = default(ValueDictionary<string, int>).SetItem("b", 1).SetItem("B", 2).SetItem("a", 3);

        Assert.Equal(["B", "a", "b"], map.Keys);
    }

    [Fact]
    public void ValueDictionary_Create_RejectsDuplicateKeys()
    {
        Assert.Throws<ArgumentException>(() => ValueDictionary.Create([new KeyValuePair<int, int>(1, 1), new KeyValuePair<int, int>(1, 2)]));
    }
}
