package com.example.modular;

import com.example.modular.collections.ElasticCharDoubleMap;

/** Hand-written code of the module that uses the map the build generated for it. */
public final class LetterFrequencies {

  private LetterFrequencies() {}

  /**
   * The share of each letter among the letters of {@code text}, case-insensitive.
   *
   * @param text any text
   * @return letter to share; the shares sum to 1 unless the text has no letters
   */
  public static ElasticCharDoubleMap of(String text) {
    ElasticCharDoubleMap counts = new ElasticCharDoubleMap();
    int letters = 0;
    for (char c : text.toCharArray()) {
      if (Character.isLetter(c)) {
        counts.addTo(Character.toLowerCase(c), 1.0);
        letters++;
      }
    }
    if (letters > 0) {
      double total = letters;
      counts.replaceAll((letter, count) -> count / total);
    }
    return counts;
  }
}
