import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/** Loads RDF files into a dataset, its default graph also holding every named graph's
 * triples (the union, as the project's stores and a union-default-graph server query it),
 * then runs each query file given and writes its SPARQL JSON results beside it
 * (FILE.json). Arguments: {@code --data FILE[,FILE...] QUERY... [--data ... QUERY...]},
 * each {@code --data} starting a new dataset; a first argument without {@code --data}
 * is the one data file. */
public final class ArqSelect {
  private static Dataset load(String files) {
    Dataset dataset = DatasetFactory.create();
    for (String file : files.split(",")) {
      RDFDataMgr.read(dataset, file);
    }
    DatasetGraph graphs = dataset.asDatasetGraph();
    Graph union = graphs.getDefaultGraph();
    List<Quad> all = new ArrayList<>();
    graphs.find().forEachRemaining(all::add);
    for (Quad quad : all) {
      union.add(quad.asTriple());
    }
    return dataset;
  }

  public static void main(String[] args) throws Exception {
    Dataset dataset = null;
    int i = 0;
    if (args.length > 0 && !args[0].equals("--data")) {
      dataset = load(args[0]);
      i = 1;
    }
    for (; i < args.length; i++) {
      if (args[i].equals("--data")) {
        dataset = load(args[++i]);
        continue;
      }
      String text = Files.readString(Path.of(args[i]));
      Query query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
      try (QueryExecution execution = QueryExecution.dataset(dataset).query(query).build();
          OutputStream out = new FileOutputStream(args[i] + ".json")) {
        ResultSetFormatter.outputAsJSON(out, execution.execSelect());
      }
    }
  }
}
