import { articleNumberingProblems } from './article-numbering';

const article = (text: string) => ({ text, level: 0 as const });
const item = (text: string) => ({ text, level: 1 as const });

describe('The numbering of articles and their items', () => {
  it('given Điều 1, 2, 3 with items 1, 2 under the first, then nothing is wrong', () => {
    expect(
      articleNumberingProblems([
        article('Điều 1. Thực hiện 2 nội dung sau đây:'),
        item('1. Đổi tên Chi bộ 6.'),
        item('2. Đổi tên Chi bộ 7.'),
        article('Điều 2. Quyết định có hiệu lực.'),
        article('Điều 3. Văn phòng Đảng ủy thi hành.'),
      ]),
    ).toEqual([]);
  });

  it('given an article removed (Điều 1, Điều 3) and an item repeated, then each is named with the number expected', () => {
    expect(
      articleNumberingProblems([
        article('Điều 1. Thực hiện:'),
        item('1. A.'),
        item('1. B.'),
        article('Điều 3. Thi hành.'),
      ]),
    ).toEqual([
      { kind: 'item', article: 1, expected: 2, found: 1 },
      { kind: 'article', expected: 2, found: 3 },
    ]);
  });

  it('given a paragraph that is not numbered, then it is left alone; items restart under each article', () => {
    expect(
      articleNumberingProblems([
        article('Điều 1. Thành lập:'),
        item('1. A.'),
        article('Các đồng chí có tên trên thi hành.'),
        article('Điều 2. Chỉ định:'),
        item('1. B.'),
      ]),
    ).toEqual([]);
  });
});
