// Runs Neo4j Community embedded, with Bolt on loopback, in the foreground.
// Started by neo4j/local.ts as `java -cp 'neo4j/lib/*' neo4j/Launcher.java <home> <port> <pluginDir> <pagecacheMiB> <txTimeoutSeconds>`:
// a single-file program, so there is no compile step. It prints one line "NEO4J_READY bolt://…" once the
// database answers a query, and shuts the store down cleanly on SIGINT or SIGTERM.
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
  public static void main(String[] args) {
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    Path plugins = Path.of(args[2]).toAbsolutePath();
    long pagecacheMiB = Long.parseLong(args[3]);
    long txTimeoutSeconds = Long.parseLong(args[4]);
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
    try {
      dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    } catch (Throwable e) {
      fail("Neo4j started but does not answer queries", e);
    }
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " " + home);
  }

  private static void fail(String what, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    System.err.println("NEO4J_FAILED " + what + ": " + root.getClass().getSimpleName() + ": " + root.getMessage());
    System.exit(1);
  }
}
