import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/** Loads an RDF dataset file once, its default graph also holding every named graph's
 * triples (the union, as the project's stores query it), then runs each query file given
 * and writes its SPARQL JSON results beside it (FILE.json). */
public final class ArqSelect {
  public static void main(String[] args) throws Exception {
    Dataset dataset = DatasetFactory.create();
    RDFDataMgr.read(dataset, args[0]);
    DatasetGraph graphs = dataset.asDatasetGraph();
    Graph union = graphs.getDefaultGraph();
    Iterator<Quad> quads = graphs.find();
    java.util.List<Quad> all = new java.util.ArrayList<>();
    quads.forEachRemaining(all::add);
    for (Quad quad : all) {
      union.add(quad.asTriple());
    }
    for (int i = 1; i < args.length; i++) {
      String text = Files.readString(Path.of(args[i]));
      Query query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
      try (QueryExecution execution = QueryExecution.dataset(dataset).query(query).build();
          OutputStream out = new FileOutputStream(args[i] + ".json")) {
        ResultSetFormatter.outputAsJSON(out, execution.execSelect());
      }
    }
  }
}
