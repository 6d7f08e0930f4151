namespace AssistantBuilder.Data;

/// <summary>The database engines the app runs on: SQLite (embedded, the default) or PostgreSQL (shared by several nodes).</summary>
public enum DatabaseProvider { Sqlite, Postgres }
