using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Relations.Grains;
using Relations.Grains.Interfaces;

namespace Relations.Hosting;

/// <summary>What every silo of the project needs, whatever hosts it (CLI, dashboard, test cluster): storage, reminders, serialization.</summary>
public static class SiloSetup
{
    /// <summary>The grain storage every grain of the project names.</summary>
    public const string StorageName = "relations";

    /// <summary>The "relations" grain storage and reminders in memory, and the serialization of the pure model's records.</summary>
    public static ISiloBuilder AddRelationsGrains(this ISiloBuilder silo) => silo.AddRelationsGrains(RelationsStorage.InMemory);

    /// <summary>
    /// The "relations" grain storage and the reminders as chosen — in memory, or Azure Table storage through the
    /// official Orleans providers — and the serialization of the pure model's records.
    /// </summary>
    public static ISiloBuilder AddRelationsGrains(this ISiloBuilder silo, RelationsStorage storage)
    {
        if (storage.Problem() is { } problem)
            throw new ArgumentException(problem, nameof(storage));
        if (storage.IsDurable)
        {
            silo.AddAzureTableGrainStorage(StorageName, options => options.Configure<Serializer>((o, serializer) =>
            {
                o.TableServiceClient = storage.TableService();
                o.TableName = storage.TableName;
                // Orleans' binary serializer, not the default JSON: the state classes are [GenerateSerializer] with
                // [Id]s (version-tolerant), and a run's state is about half the size (docs/storage.md).
                // Large states (a run's stored source) are deflated so that any accepted upload fits a table entity.
                o.GrainStorageSerializer = new CompressingStorageSerializer(new OrleansGrainStorageSerializer(serializer));
                // A cleared state (a completed run's dyad checkpoints) is deleted, not kept as an empty entity.
                o.DeleteStateOnClear = true;
            }));
            silo.UseAzureTableReminderService(options => options.Configure(o => o.TableServiceClient = storage.TableService()));
        }
        else
        {
            // Orleans' binary serializer here too, not the default JSON: a large run's results (millions of numbers)
            // are written and read back as bytes, not as text ten times their size.
            silo.AddMemoryGrainStorage(StorageName, options => options.Configure<Serializer>((o, serializer) =>
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
            silo.UseInMemoryReminderService();
        }
        // A run's revival reminder fires every few seconds (RunRevival), below Orleans' one-minute default minimum.
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = RunRevival.Period);
        silo.Services.AddRelationsModelSerialization();
        silo.Services.TryAddSingleton(TimeProvider.System);
        GrainCallPolicyLogging.AddTo(silo.Services);
        // A grain call carries the activity of what caused it (an HTTP request), so a trace follows it into the cluster.
        silo.AddActivityPropagation();
        return silo;
    }
}
