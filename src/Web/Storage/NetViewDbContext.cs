using Microsoft.EntityFrameworkCore;

namespace NetView.Web.Storage;

/// <summary>
/// The durable part of the live path: the node list, the latest rule set per node and family,
/// and counter history. Times are Unix milliseconds, because SQLite cannot order or compare
/// DateTimeOffset columns in queries.
/// </summary>
internal sealed class NetViewDbContext(DbContextOptions<NetViewDbContext> options) : DbContext(options)
{
    public DbSet<NodeRecord> Nodes => Set<NodeRecord>();

    public DbSet<SnapshotRecord> Snapshots => Set<SnapshotRecord>();

    public DbSet<SampleRecord> Samples => Set<SampleRecord>();

    public DbSet<SharedSnapshotRecord> SharedSnapshots => Set<SharedSnapshotRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<NodeRecord>(node =>
        {
            node.HasKey(n => n.Name);
            node.Property(n => n.Name).HasMaxLength(253);
        });
        modelBuilder.Entity<SnapshotRecord>(snapshot =>
        {
            snapshot.HasKey(s => new { s.Node, s.Family });
        });
        modelBuilder.Entity<SampleRecord>(sample =>
        {
            sample.HasKey(s => s.Id);
            sample.HasIndex(s => new { s.Node, s.Family, s.Kind, s.Subject, s.Resolution, s.TimestampMs }).IsUnique();
            sample.HasIndex(s => new { s.Resolution, s.TimestampMs });
        });
        modelBuilder.Entity<SharedSnapshotRecord>(shared =>
        {
            shared.HasKey(s => s.Id);
            shared.Property(s => s.Source).HasMaxLength(253);
        });
    }
}
