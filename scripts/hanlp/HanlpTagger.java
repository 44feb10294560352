// The ingest's Chinese tagger: one long-lived JVM reading one line per request on stdin (a sentence, newlines
// replaced by spaces) and writing one line per request on stdout: tab-separated `start,length,nature` tokens from
// HanLP's standard segmenter with person, place and organisation recognition on. Traditional characters are tagged
// through their simplified form (HanLP's dictionaries are simplified) when the conversion keeps the length, so the
// offsets still point into the line as given. A line starting with U+0001 asks for the simplified form of the rest
// instead (the extractor matches its Chinese lexicons and the graph's names on it). Started once per ingest run by
// src/ingest/hanlp.ts, never per sentence.
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

public final class HanlpTagger {
  public static void main(String[] args) throws Exception {
    Segment segment = HanLP.newSegment()
        .enableNameRecognize(true)
        .enableTranslatedNameRecognize(true)
        .enableOrganizationRecognize(true)
        .enablePlaceRecognize(true)
        .enableOffset(true);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    out.println("READY");
    out.flush();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith("\u0001")) {
        out.println(HanLP.convertToSimplifiedChinese(line.substring(1)));
        out.flush();
        continue;
      }
      String simplified = HanLP.convertToSimplifiedChinese(line);
      String text = simplified.length() == line.length() ? simplified : line;
      StringBuilder sb = new StringBuilder();
      for (Term t : segment.seg(text)) {
        if (sb.length() > 0) sb.append('\t');
        sb.append(t.offset).append(',').append(t.word.length()).append(',').append(t.nature);
      }
      out.println(sb);
      out.flush();
    }
  }
}
