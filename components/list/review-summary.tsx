/** Said after a register's count: how many were never reviewed and how many reviews are overdue. */
export function ReviewSummary({ notReviewed = 0, overdue }: { notReviewed?: number; overdue: number }) {
  return (
    <>
      {notReviewed > 0 && <span>, {notReviewed} not reviewed</span>}
      {overdue > 0 && (
        <span className="font-medium text-rose-700">
          , {overdue} review{overdue === 1 ? '' : 's'} overdue
        </span>
      )}
    </>
  );
}
