package iati

import "github.com/proximite/proximite/internal/sqlstore"

// The import's memory is bounded whatever the size of its files: each
// batch holds at most maxBatchBytes of XML and each reader aheadBytes,
// so that the live heap stays under 100 MB. Two things would still let
// the process grow past 256 MB on a registry of a million projects, and
// the import command sets them, as the benchmarks do:
//
//   - the garbage collector lets the heap grow to twice what is live
//     before it collects; MemoryLimit makes it collect sooner instead
//     (on SQLite);
//   - SQLite's page caches fill as the registry grows: each holds up to
//     its size in 16 KB pages, in allocations of 20 KB. The writer's
//     cache of 32 MB took 60 MB at 300,000 activities, and each
//     connection that reads keeps its own. An import reads only its
//     look-ups, and writes mostly at the end of its tables and indexes:
//     it wants small caches (StoreOptions).

// MemoryLimit returns the soft limit of the Go heap that the import
// command sets for a registry of the dialect, unless GOMEMLIMIT says
// otherwise. On SQLite, 150 MB: its page caches share the process, and
// the live heap (90 MB) stays well under it, at no measurable cost. On
// PostgreSQL the live heap is larger (100 MB: the rows on their way to
// the server) and nothing else is in the process, which held 208–211 MB
// on 20,000 activities without a limit; a limit of 150 MB made the
// collector run so often that the import was a third slower, so the
// limit there is only a bound, at 224 MB.
func MemoryLimit(dialect string) int64 {
	if dialect == "postgres" {
		return 224 << 20
	}
	return 150 << 20
}

// GCPercent is the collector's GOGC that the import command sets with
// MemoryLimit, unless GOGC or GOMEMLIMIT says otherwise. With the limit
// as the bound, the heap may grow to five times what is live before a
// collection rather than twice: on a small file, where little is live,
// the collector runs less often (the publisher files on SQLite:
// 2,253–3,115/s against 2,045–2,602/s); on a large one the limit comes
// first, as before (100,000 activities on SQLite: 192 MB either way;
// on PostgreSQL, where the limit is higher, 228 MB instead of 207).
const GCPercent = 400

// StoreOptions are how the import command opens the registry: with
// small page caches, and on PostgreSQL with commits that do not wait for
// the disk, as SQLite's do not (see sqlstore.Options.AsyncCommit): a
// crash of the machine may lose the last batches written, which running
// the import again writes, as it does after any stop.
var StoreOptions = sqlstore.Options{ReadCache: 4 << 20, WriteCache: 8 << 20, AsyncCommit: true}
