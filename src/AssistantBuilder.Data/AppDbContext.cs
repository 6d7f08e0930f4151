using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Data;

/// <summary>Everything the app stores: operators, datasets, base models, training jobs and their events, assistants.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<Operator> Operators => Set<Operator>();
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<BaseModel> BaseModels => Set<BaseModel>();
    public DbSet<TrainingJob> TrainingJobs => Set<TrainingJob>();
    public DbSet<TrainingJobEvent> TrainingJobEvents => Set<TrainingJobEvent>();
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<Assistant> Assistants => Set<Assistant>();
    public DbSet<AdapterVersion> AdapterVersions => Set<AdapterVersion>();
    public DbSet<WidgetKey> WidgetKeys => Set<WidgetKey>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<StoredConversation> Conversations => Set<StoredConversation>();
    public DbSet<StoredMessage> ConversationMessages => Set<StoredMessage>();
    public DbSet<CompareVote> CompareVotes => Set<CompareVote>();

    const string CaseInsensitive = "case_insensitive";

    /// <summary>Every DateTime is UTC: written as UTC (PostgreSQL's timestamptz requires it) and read back with Kind=Utc on both providers.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder c)
    {
        c.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        c.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Operator>().HasIndex(o => o.Email).IsUnique();
        b.Entity<Dataset>().HasIndex(d => d.Name);
        b.Entity<BaseModel>().HasIndex(m => m.Path).IsUnique();
        b.Entity<TrainingJob>(j =>
        {
            j.Property(x => x.Settings).HasJsonConversion();
            j.Property(x => x.Status).HasConversion<string>();
            j.HasIndex(x => new { x.Status, x.CreatedAt });
            // A worker's writes to its job hold only while it still owns the lease: a taken-over job rejects the old worker's saves.
            j.Property(x => x.LeaseOwner).IsConcurrencyToken();
            j.HasOne(x => x.BaseModel).WithMany().HasForeignKey(x => x.BaseModelId).OnDelete(DeleteBehavior.Restrict);
            j.HasOne(x => x.Dataset).WithMany().HasForeignKey(x => x.DatasetId).OnDelete(DeleteBehavior.Restrict);
            j.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<TrainingJobEvent>().HasIndex(e => new { e.JobId, e.Id });
        b.Entity<Worker>().HasIndex(w => w.LastSeenAt);
        b.Entity<Lease>().HasKey(l => l.Name);
        b.Entity<Assistant>(a =>
        {
            a.Property(x => x.Generation).HasJsonConversion();
            a.Property(x => x.Widget).HasJsonConversion();
            a.HasOne(x => x.BaseModel).WithMany().HasForeignKey(x => x.BaseModelId).OnDelete(DeleteBehavior.Restrict);
            a.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.AssistantId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AdapterVersion>().HasIndex(v => new { v.AssistantId, v.Number }).IsUnique();
        // E-mail addresses match whatever their case: SQLite's NOCASE; on PostgreSQL a nondeterministic ICU collation.
        if (Database.IsNpgsql())
        {
            b.HasCollation(CaseInsensitive, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
            b.Entity<Operator>().Property(o => o.Email).UseCollation(CaseInsensitive);
        }
        else b.Entity<Operator>().Property(o => o.Email).UseCollation("NOCASE");
        b.Entity<WidgetKey>().HasIndex(k => k.Key).IsUnique();
        b.Entity<WidgetKey>().HasOne<Assistant>().WithMany().HasForeignKey(k => k.AssistantId).OnDelete(DeleteBehavior.Cascade);
        b.Entity<ApiKey>().HasIndex(k => k.Hash).IsUnique();
        b.Entity<StoredConversation>(c =>
        {
            c.HasIndex(x => new { x.AssistantId, x.UpdatedAt });
            c.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
            c.HasMany(x => x.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<StoredMessage>().HasIndex(m => new { m.ConversationId, m.Index }).IsUnique();
        b.Entity<CompareVote>(v =>
        {
            v.HasIndex(x => new { x.AssistantId, x.VersionId });
            v.HasOne<Assistant>().WithMany().HasForeignKey(x => x.AssistantId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
