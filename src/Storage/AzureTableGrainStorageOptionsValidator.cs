using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Orleans.Runtime;

namespace Relations.Storage;

/// <summary>Refuses to start a silo whose Azure Table grain storage lacks a connection string or names an impossible table.</summary>
public sealed partial class AzureTableGrainStorageOptionsValidator(AzureTableGrainStorageOptions options, string name) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        var problems = Problems().ToList();
        if (problems.Count > 0)
            throw new OrleansConfigurationException($"Azure Table grain storage \"{name}\" is misconfigured: {string.Join("; ", problems)}.");
    }

    private IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            yield return "ConnectionString is empty (set it to the storage account's connection string, or to \"UseDevelopmentStorage=true\" for a local Azurite)";
        }
        else if (!IsParsable(options.ConnectionString))
        {
            // The message of the parser is left out: it may quote the account key.
            yield return "ConnectionString is not an Azure Storage connection string (expected \"Key=Value;...\" with an account and a table endpoint, or \"UseDevelopmentStorage=true\")";
        }

        if (!IsValidTableName(options.TableName))
            yield return $"TableName \"{options.TableName}\" is not a valid Azure table name (3 to 63 letters and digits, starting with a letter, not \"tables\")";

        if (options.GrainStorageSerializer is null)
            yield return "GrainStorageSerializer is not set and the silo registers no IGrainStorageSerializer";
    }

    /// <summary>Azure's rule for table names; "tables" is reserved.</summary>
    internal static bool IsValidTableName(string? tableName) =>
        tableName is not null && TableNamePattern().IsMatch(tableName) && !tableName.Equals("tables", StringComparison.OrdinalIgnoreCase);

    private static bool IsParsable(string connectionString)
    {
        try
        {
            // Parses only; no request is sent.
            _ = new TableServiceClient(connectionString);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();
}
