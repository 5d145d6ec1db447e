using System.Text.Json;
using System.Text.Json.Serialization;

namespace Relations.Model.Scenarios;

/// <summary>Reads and writes <see cref="ValueList{T}"/> as a JSON array, so scenarios travel as JSON between hosts.</summary>
public sealed class ValueListJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ItemConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class ItemConverter<T> : JsonConverter<ValueList<T>>
    {
        public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}
