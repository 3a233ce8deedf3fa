// Runs Neo4j Community embedded, with Bolt on loopback, in the foreground.
// Started by neo4j/local.ts as `java -cp 'neo4j/lib/*' neo4j/Launcher.java <home> <port> <pluginDir> <pagecacheMiB> <txTimeoutSeconds> [<ownerPid>]`:
// a single-file program, so there is no compile step. It prints one line "NEO4J_READY bolt://…" once the
// database answers a query, and shuts the store down cleanly on SIGINT or SIGTERM, and also when its owner (the
// process that started it, `ownerPid`, else its parent) is gone, even killed with `kill -9`: a watchdog thread
// checks twice a second, so a Neo4j never outlives its server.
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public class Launcher {
  /** Set once the shutdown hook is registered: from then on, exiting shuts the store down cleanly. */
  private static volatile boolean started = false;
  /** Set by the watchdog when the owner is gone. */
  private static volatile boolean orphaned = false;

  public static void main(String[] args) {
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    Path plugins = Path.of(args[2]).toAbsolutePath();
    long pagecacheMiB = Long.parseLong(args[3]);
    long txTimeoutSeconds = Long.parseLong(args[4]);
    watchOwner(args.length > 5 ? Long.parseLong(args[5]) : -1);
    DatabaseManagementService dbms;
    try {
      dbms = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
          .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
          .setConfig(GraphDatabaseSettings.auth_enabled, false)
          .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMiB))
          .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
          .setConfig(GraphDatabaseSettings.load_csv_file_url_root, home.resolve("import"))
          .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
          .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
          .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
          .build();
    } catch (Throwable e) {
      fail("could not start Neo4j", e);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("NEO4J_STOPPING");
      dbms.shutdown();
      System.out.println("NEO4J_STOPPED");
    }));
    started = true;
    if (orphaned) System.exit(0); // the owner went while the store was opening
    try {
      dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    } catch (Throwable e) {
      fail("Neo4j started but does not answer queries", e);
    }
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " " + home);
  }

  /**
   * Watches the owner: once it has exited (checked with its start time, so a reused pid does not count), or this
   * process has been handed to another parent (which happens only when the parent dies), the store is shut down
   * through the shutdown hook, as on SIGTERM. A Neo4j whose owner is already gone does not start at all.
   */
  private static void watchOwner(long ownerPid) {
    long firstParent = parentPid();
    ProcessHandle owner = ProcessHandle.of(ownerPid > 0 ? ownerPid : firstParent).orElse(null);
    if (owner == null) {
      System.err.println("NEO4J_FAILED the process that started Neo4j (pid " + ownerPid + ") is gone");
      System.exit(1);
    }
    Thread watchdog = new Thread(() -> {
      while (owner.isAlive() && parentPid() == firstParent) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
      System.out.println("NEO4J_OWNER_GONE pid " + owner.pid() + " has exited: shutting down");
      orphaned = true;
      if (started) System.exit(0);
    }, "owner-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private static long parentPid() {
    return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
  }

  private static void fail(String what, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    System.err.println("NEO4J_FAILED " + what + ": " + root.getClass().getSimpleName() + ": " + root.getMessage());
    System.exit(1);
  }
}
