namespace Spinel.Api.Http;

/// <summary>Where <c>?fields=a,b</c> applies in an answer.</summary>
internal enum Projection
{
    /// <summary>The answer is not projected (errors, write answers).</summary>
    None,

    /// <summary>The answer is one object.</summary>
    Object,

    /// <summary>The answer is an array of objects.</summary>
    EachItem,

    /// <summary>The answer is an object whose values are objects (e.g. keyed by node uid).</summary>
    EachValue,

    /// <summary>The answer is an object of arrays of objects (<c>/v1/actions</c>).</summary>
    ItemsOfEachList,
}
