/**
 * The privacy pages' markdown as plain DOM: headings, paragraphs, lists and **bold**, every piece of
 * text set as text (the files are ours, but nothing here is parsed as HTML either way).
 */
function inline(parent: HTMLElement, text: string): void {
  // **bold** only; everything else is text.
  text.split(/(\*\*[^*]+\*\*)/).forEach((part) => {
    if (part.startsWith('**') && part.endsWith('**')) {
      const strong = document.createElement('strong');
      strong.textContent = part.slice(2, -2);
      parent.append(strong);
    } else parent.append(part);
  });
}

export function renderMarkdown(markdown: string, root: HTMLElement): void {
  let list: HTMLUListElement | null = null;
  let paragraph: HTMLElement | null = null;
  for (const line of markdown.split('\n')) {
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    const item = /^- (.*)$/.exec(line);
    if (heading?.[1] && heading[2] !== undefined) {
      list = paragraph = null;
      const element = document.createElement(`h${heading[1].length}`);
      inline(element, heading[2]);
      root.append(element);
    } else if (item?.[1] !== undefined) {
      paragraph = null;
      if (!list) {
        list = document.createElement('ul');
        root.append(list);
      }
      const li = document.createElement('li');
      inline(li, item[1]);
      list.append(li);
    } else if (line.trim() === '') {
      list = paragraph = null;
    } else if (list?.lastElementChild && line.startsWith('  ')) {
      inline(list.lastElementChild as HTMLElement, ` ${line.trim()}`);
    } else {
      if (paragraph) paragraph.append(' ');
      else {
        paragraph = document.createElement('p');
        root.append(paragraph);
      }
      inline(paragraph, line.trim());
    }
  }
}
