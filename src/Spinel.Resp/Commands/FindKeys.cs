namespace Spinel.Resp.Commands;

/// <summary>The <c>find_keys</c> part of a key spec: which arguments, from the first key on, are keys.</summary>
/// <param name="LastKey">For <see cref="FindKeysType.Range"/>: the last key relative to the first; negative counts from the end of the arguments.</param>
/// <param name="KeyStep">The distance between keys (2 for <c>MSET key value key value</c>).</param>
/// <param name="Limit">For <see cref="FindKeysType.Range"/> with <c>LastKey = -1</c>: when above 0, only 1/Limit of the remaining arguments are keys (XREAD).</param>
/// <param name="KeyNumIndex">For <see cref="FindKeysType.KeyNum"/>: the index, relative to the begin-search result, of the argument holding the number of keys.</param>
/// <param name="FirstKey">For <see cref="FindKeysType.KeyNum"/>: the index, relative to the begin-search result, of the first key.</param>
public readonly record struct FindKeys(FindKeysType Type, int LastKey, int KeyStep, int Limit, int KeyNumIndex, int FirstKey)
{
    public static FindKeys Unknown => default;

    public static FindKeys Range(int lastKey, int keyStep, int limit) => new(FindKeysType.Range, lastKey, keyStep, limit, 0, 0);

    public static FindKeys KeyNum(int keyNumIndex, int firstKey, int keyStep) => new(FindKeysType.KeyNum, 0, keyStep, 0, keyNumIndex, firstKey);
}
